using System.Net;
using CafeMenu.Api.Tests;

namespace CafeMenu.Reliability;

/// <summary>Issue 8's bad-input suite against the real Api on DynamoDB Local: a 4xx ProblemDetails each, never a 500, nothing written.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class BadInputTests(BadInputApi fixture) : IClassFixture<BadInputApi>
{
    public static TheoryData<string> Cases => new(BadInputCases.All.Keys);

    [Fact]
    public void The_suite_holds_at_least_60_cases() => Assert.InRange(BadInputCases.All.Count, 60, int.MaxValue);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_4xx_problem_and_leaves_the_table_unchanged(string name)
    {
        var badInput = BadInputCases.All[name];
        using var dynamo = fixture.Dynamo.CreateClient();
        using var client = fixture.Api.CreateClient();
        var before = await TableSnapshot.TakeAsync(dynamo, fixture.Api.TableName);

        using var request = badInput.Build(fixture.Values);
        using var response = await client.SendAsync(request);

        if (badInput.Problem)
        {
            await response.AssertProblemAsync((HttpStatusCode)badInput.Status);
        }
        else
        {
            Assert.Equal((HttpStatusCode)badInput.Status, response.StatusCode);
        }

        Assert.Equal(before, await TableSnapshot.TakeAsync(dynamo, fixture.Api.TableName));
    }
}
