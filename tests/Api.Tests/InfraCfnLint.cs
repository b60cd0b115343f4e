using System.Diagnostics;
using System.Text.RegularExpressions;
using CafeMenu.Hosting.DynamoDBLocal;

namespace CafeMenu.Api.Tests;

/// <summary>
/// Runs cfn-lint, the npm CloudFormation validator pinned in tools/cfn-lint (installed by tools/NpmTools.targets when the
/// solution builds). It checks a template offline against the AWS resource specification it ships: resource types,
/// property names and types, required properties, Ref and Fn::GetAtt targets, intrinsic functions and conditions.
/// </summary>
internal static class InfraCfnLint
{
    public const string ToolFolder = "tools/cfn-lint";

    public static string RepositoryRoot { get; } = DynamoDBLocalInstallation.FindRepositoryRoot();

    /// <summary>Every CloudFormation template in the repository's infra/ folder.</summary>
    public static IReadOnlyList<string> Templates() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "infra"))
            .Where(f => Path.GetExtension(f) is ".json" or ".yaml" or ".yml")
            .Order()
            .ToList();

    /// <summary>What cfn-lint printed: its counts of critical errors and warnings, each finding, and "Template valid!" or "invalid!".</summary>
    public sealed record Result(int ExitCode, string Output)
    {
        public int Critical => Count("crit");

        public int Warnings => Count("warn");

        /// <summary>Valid, and nothing it warns about either (a warning can mean it could not check a part of the template).</summary>
        public bool Clean => ExitCode == 0 && Critical == 0 && Warnings == 0 && Output.Contains("Template valid!");

        private int Count(string level)
        {
            var match = Regex.Match(Output, $@"^(\d+) {level}$", RegexOptions.Multiline);
            return match.Success ? int.Parse(match.Groups[1].Value) : -1;
        }
    }

    /// <summary>Validates <paramref name="template"/> with the given parameter values (the rest take their defaults).</summary>
    public static async Task<Result> ValidateAsync(string template, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var cli = Path.Combine(RepositoryRoot, ToolFolder, "node_modules", "cfn-lint", "lib", "index.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException(
                $"cfn-lint is not installed in {ToolFolder}: build the solution (it runs npm ci there) or run 'npm ci' in {ToolFolder}.");
        }

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { cli, "validate", template }) start.ArgumentList.Add(argument);
        if (parameters is { Count: > 0 })
        {
            start.ArgumentList.Add("--parameters");
            start.ArgumentList.Add(string.Join(',', parameters.Select(p => $"{p.Key}={p.Value}")));
        }

        // Its output is coloured whenever it thinks a terminal might be there; plain text is what the assertions read.
        start.Environment["FORCE_COLOR"] = "0";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cfn-lint ran longer than 60 s on {template}");
        }

        return new Result(process.ExitCode, await output + await error);
    }
}
