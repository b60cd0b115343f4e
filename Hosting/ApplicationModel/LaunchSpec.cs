namespace CafeMenu.Hosting;

/// <summary>How to start one resource's process.</summary>
internal sealed record LaunchSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<ResourceEndpoint> Endpoints)
{
    public string CommandLine => string.Join(' ', new[] { FileName }.Concat(Arguments).Select(Quote));

    private static string Quote(string part) =>
        part.Length > 0 && part.All(c => !char.IsWhiteSpace(c) && c != '\'' && c != '"') ? part : $"'{part.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}

/// <summary>Decides whether a running resource is ready (healthy).</summary>
internal interface IReadinessProbe : IDisposable
{
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
