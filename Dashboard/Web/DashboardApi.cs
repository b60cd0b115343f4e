using System.Text;
using CafeMenu.Dashboard.Components.Shared;
using CafeMenu.Dashboard.Telemetry;
using CafeMenu.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CafeMenu.Dashboard.Web;

/// <summary>The dashboard's small HTTP API (behind the login like the pages): resources as JSON, console output as a file.</summary>
internal static class DashboardApi
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/resources", (IResourceService resources) => TypedResults.Ok(resources.GetResources().Select(r => r with
        {
            Environment = r.Environment.ToDictionary(e => e.Key, e => SecretMask.Show(e.Key, e.Value)),
        })));
        app.MapGet("/api/console/{resource}", (string resource, TelemetryStore store) =>
        {
            var text = new StringBuilder();
            foreach (var line in store.GetConsoleLines(resource))
            {
                text.Append(line.Timestamp.ToString("O")).Append(line.IsStdErr ? " stderr " : " stdout ").AppendLine(line.Text);
            }

            return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/plain; charset=utf-8", $"{resource}-console.txt");
        });
    }
}
