using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CafeMenu.TestSupport;
using Spectre.Console;

namespace CafeMenu.Loader.Tests;

/// <summary>Runs the Loader in-process, as its Program does, against a DynamoDB endpoint, and captures what it prints.</summary>
internal static class LoaderRun
{
    static LoaderRun()
    {
        // The SDK's credential chain reads these; they are DynamoDB Local's dummies, the same for every test.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "local");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "local");
    }

    public static Task<Result> RunAsync(DynamoDbLocalFixture dynamo, params string[] args) => RunAsync(dynamo.ServiceUrl, args);

    public static Task<Result> RunAsync(string endpoint, params string[] args) => RunAsync(endpoint, new Dictionary<string, string?>(), args);

    public static Task<Result> RunAsync(string endpoint, Dictionary<string, string?> extraSettings, params string[] args) =>
        RunAsync(endpoint, extraSettings, betweenPasses: null, args);

    /// <param name="betweenPasses">Runs after the Loader validated its input and before it writes (to change the input there).</param>
    public static async Task<Result> RunAsync(string endpoint, Dictionary<string, string?> extraSettings, Func<Task>? betweenPasses, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 1000;
        var settings = new Dictionary<string, string?> { ["AWS_ENDPOINT_URL_DYNAMODB"] = endpoint, ["AWS_REGION"] = "us-east-1" };
        foreach (var (key, value) in extraSettings) settings[key] = value;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var exit = await LoaderApp.RunAsync(args, settings, console, output, error, timeout.Token, betweenPasses);
        return new Result(exit, output.ToString(), error.ToString());
    }

    internal sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
    }

    public static async Task<List<Dictionary<string, AttributeValue>>> ScanAllAsync(IAmazonDynamoDB client, string table)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start, ConsistentRead = true });
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
        return items;
    }

    /// <summary>An item as DynamoDB JSON with attributes in name order, to compare tables exactly (types and digits included).</summary>
    public static string Canonical(Dictionary<string, AttributeValue> item)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Export.DynamoJsonWriter.WriteItem(writer, new SortedDictionary<string, AttributeValue>(item, StringComparer.Ordinal));
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The same two items as a JSON array, NDJSON, CSV and DynamoDB JSON: text beyond ASCII, a list, a number no double holds.</summary>
    public static string[] SameItemsInEveryFormat() =>
    [
        TempFile("m.json", """[{"product_name":"Scone","price":2.80,"tags":["warm"],"special":1,"note":"café ✓"},{"product_name":"Tea","weight":1.2345678901234567890123}]"""),
        TempFile("m.ndjson", "{\"product_name\":\"Scone\",\"price\":2.80,\"tags\":[\"warm\"],\"special\":1,\"note\":\"café ✓\"}\n{\"product_name\":\"Tea\",\"weight\":1.2345678901234567890123}\n"),
        TempFile("m.csv", "product_name,price:N,tags:L,special:N,note,weight:N\nScone,2.80,\"[\"\"warm\"\"]\",1,café ✓,\nTea,,,,,1.2345678901234567890123\n"),
        TempFile("m.ddb.json", "{\"Item\":{\"product_name\":{\"S\":\"Scone\"},\"price\":{\"N\":\"2.80\"},\"tags\":{\"L\":[{\"S\":\"warm\"}]},\"special\":{\"N\":\"1\"},\"note\":{\"S\":\"café ✓\"}}}\n{\"Item\":{\"product_name\":{\"S\":\"Tea\"},\"weight\":{\"N\":\"1.2345678901234567890123\"}}}\n"),
    ];

    public static string TempFile(string name, string content)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cafemenu-loader-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
