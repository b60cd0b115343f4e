using System.Text.Json.Nodes;

namespace CafeMenu.Api.Apis;

/// <summary>JSON examples on an operation's request body and responses, shown in /openapi/v1.json and /scalar.</summary>
internal static class OpenApiExamples
{
    public static RouteHandlerBuilder WithExamples(this RouteHandlerBuilder builder, string? request, params (int Status, string Json)[] responses) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (request is not null && operation.RequestBody?.Content is { } content)
            {
                foreach (var media in content.Values) media.Example = JsonNode.Parse(request);
            }

            foreach (var (status, json) in responses)
            {
                if (operation.Responses?.GetValueOrDefault(status.ToString(System.Globalization.CultureInfo.InvariantCulture))?.Content is not { } bodies) continue;
                foreach (var media in bodies.Values) media.Example = JsonNode.Parse(json);
            }

            return Task.CompletedTask;
        });
}
