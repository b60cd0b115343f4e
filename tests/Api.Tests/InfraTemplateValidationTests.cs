using System.Text.Json.Nodes;

namespace CafeMenu.Api.Tests;

/// <summary>Every template in infra/ passes cfn-lint, and cfn-lint does fail a template with a mistake in it.</summary>
public sealed class InfraTemplateValidationTests
{
    [Fact]
    public async Task Every_template_in_infra_passes_cfn_lint()
    {
        var templates = InfraCfnLint.Templates();
        Assert.NotEmpty(templates);
        foreach (var template in templates)
        {
            foreach (var parameters in ParameterSets(template))
            {
                var result = await InfraCfnLint.ValidateAsync(template, parameters);
                Assert.True(result.Clean,
                    $"cfn-lint on {Path.GetFileName(template)} with {(parameters.Count == 0 ? "default parameters" : string.Join(", ", parameters))} " +
                    $"exited {result.ExitCode}:\n{result.Output}");
            }
        }
    }

    [Theory]
    [InlineData("an unknown table property", "OrdersTable", "BilingMode", "\"PAY_PER_REQUEST\"",
        "BilingMode is not a valid property of AWS::DynamoDB::Table")]
    [InlineData("an unknown nested property", "OrdersTable", "TimeToLiveSpecification.AttributeNme", "\"expires_at\"",
        "AttributeNme is not a valid property of AWS::DynamoDB::Table.TimeToLiveSpecification")]
    [InlineData("a string where a Boolean belongs", "OrdersTable", "TimeToLiveSpecification.Enabled", "\"yes\"",
        "Expecting a Boolean, got 'yes'")]
    [InlineData("a string where a number belongs", "OrdersThrottledRequestsAlarm", "Threshold", "\"high\"",
        "Expecting a double, got 'high'")]
    [InlineData("a string where a list belongs", "OrdersTable", "KeySchema", "\"guest_id\"",
        "Expecting a list")]
    public async Task Cfn_lint_fails_a_template_with(string mistake, string resource, string property, string json, string expected)
    {
        // A broken copy of the real template: the check above can only pass because the template is right.
        var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(InfraCfnLint.RepositoryRoot, "infra", InfraTemplate.FileName)))!;
        var target = template["Resources"]![resource]!["Properties"]!;
        var path = property.Split('.');
        foreach (var step in path[..^1]) target = target[step]!;
        target[path[^1]] = JsonNode.Parse(json);

        var directory = Directory.CreateTempSubdirectory("cafemenu-cfn-lint-");
        try
        {
            var broken = Path.Combine(directory.FullName, InfraTemplate.FileName);
            await File.WriteAllTextAsync(broken, template.ToJsonString());
            var result = await InfraCfnLint.ValidateAsync(broken);

            Assert.False(result.Clean, $"cfn-lint accepted {mistake}:\n{result.Output}");
            Assert.NotEqual(0, result.ExitCode);
            Assert.Equal(1, result.Critical);
            Assert.Contains("Template invalid!", result.Output);
            Assert.Contains(expected, result.Output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Default parameters, and for a template with an optional alarm topic also one with the topic set, so both branches of its condition are checked.</summary>
    private static IEnumerable<IReadOnlyDictionary<string, string>> ParameterSets(string template)
    {
        yield return new Dictionary<string, string>();
        var parameters = JsonNode.Parse(File.ReadAllText(template))?["Parameters"]?.AsObject();
        if (parameters?.ContainsKey("AlarmTopicArn") == true)
        {
            yield return new Dictionary<string, string> { ["AlarmTopicArn"] = "arn:aws:sns:us-east-1:123456789012:cafemenu-alarms" };
        }
    }
}
