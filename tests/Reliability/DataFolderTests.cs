using System.Net;
using System.Net.Http.Json;

namespace CafeMenu.Reliability;

/// <summary>The AppHost on a data folder of its own, as a person runs it: the data survives a restart, and a second AppHost keeps its hands off the folder.</summary>
[Collection(AppHostProcessCollection.Name)]
public sealed class DataFolderTests : IDisposable
{
    private const int SigTerm = 15;
    private static readonly string[] Resources = ["dynamodb", "dynamodb-admin", "api", "web"];
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private readonly string _folder = Directory.CreateTempSubdirectory("cafemenu-data-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_second_apphost_on_the_folder_fails_its_dynamodb_with_one_line_and_a_restart_keeps_the_data()
    {
        var name = $"Cortado {Guid.NewGuid():N}";
        await using (var first = AppHostProcess.Start("--DynamoDB:DataPath", _folder))
        {
            await first.WaitUntilReadyAsync(Resources, Timeout);
            using var http = new HttpClient { BaseAddress = new Uri(new Uri(first.Url("api")).GetLeftPart(UriPartial.Authority)) };
            using var created = await http.PostAsJsonAsync("/menu", new Dictionary<string, object> { ["product_name"] = name, ["price"] = 2.95m, ["product_group"] = "coffee" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            await using (var second = AppHostProcess.Start("--DynamoDB:DataPath", _folder))
            {
                var reason = await second.WaitForLineAsync("is in use by another AppHost", Timeout);
                Assert.Contains(_folder, reason, StringComparison.Ordinal);
                await second.WaitForLineAsync("[apphost] dynamodb: FailedToStart", Timeout);
                Assert.DoesNotContain(second.MarkedProcesses(), p => p.CommandLine.Contains("DynamoDBLocal.jar", StringComparison.Ordinal));
            }

            first.SignalAppHost(SigTerm);
            await first.WaitUntilNoProcessIsLeftAsync(TimeSpan.FromSeconds(30));
        }

        Assert.True(File.Exists(Path.Combine(_folder, "shared-local-instance.db")), "DynamoDB Local kept no data file in the folder");
        await using var restarted = AppHostProcess.Start("--DynamoDB:DataPath", _folder);
        await restarted.WaitUntilReadyAsync(Resources, Timeout);
        using var again = new HttpClient { BaseAddress = new Uri(new Uri(restarted.Url("api")).GetLeftPart(UriPartial.Authority)) };
        using var kept = await again.GetAsync($"/menu/{Uri.EscapeDataString(name)}");
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }
}
