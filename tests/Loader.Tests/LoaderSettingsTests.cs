using CafeMenu.TestSupport;

namespace CafeMenu.Loader.Tests;

/// <summary>A setting from the environment that cannot be used is a user mistake: one line naming it, exit 2, no stack trace.</summary>
[Collection(DynamoCollection.Name)]
public class LoaderSettingsTests(DynamoDbLocalFixture dynamo)
{
    [Theory]
    [InlineData("Loader__Retry__GiveUpAfter", "banana", "Loader:Retry:GiveUpAfter")]
    [InlineData("Loader__Retry__SplitAfterServerErrors", "many", "Loader:Retry:SplitAfterServerErrors")]
    public async Task A_retry_setting_that_is_not_a_value_of_its_type_exits_2_naming_the_setting(string variable, string value, string named)
    {
        var table = DynamoDbLocalFixture.UniqueTableName("settings");
        var input = LoaderRun.TempFile("s.ndjson", "{\"product_name\":\"Item 00001\",\"price\":2.25}\n");
        var environment = new Dictionary<string, string>(dynamo.Environment) { [variable] = value };

        var run = await LoaderProcess.RunProgramAsync(LoaderProcess.DotnetHost,
            [Path.Combine(AppContext.BaseDirectory, "CafeMenu.Loader.dll"), "load", input, "--table", table, "--create-table", "--progress", "none"],
            TimeSpan.FromMinutes(2), environment, ["OTEL_EXPORTER_OTLP_ENDPOINT"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(named, run.Error);
        Assert.DoesNotContain("   at ", run.Error + run.Output);
        using var client = dynamo.CreateClient();
        Assert.Null(await Menu.TableSetup.DescribeOrNullAsync(client, table, CancellationToken.None));
    }
}
