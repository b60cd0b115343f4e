using System.Globalization;

namespace CafeMenu.Hosting;

/// <summary>A .NET project started from its build output with <c>dotnet &lt;assembly&gt;</c>.</summary>
public sealed class ProjectResource : Resource, IResourceWithReferenceEnvironment
{
    internal ProjectResource(string name, IProjectMetadata metadata) : base(name)
    {
        Metadata = metadata;
        InstanceId = $"{name}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";
    }

    internal IProjectMetadata Metadata { get; }

    /// <summary>The OpenTelemetry service.instance.id, stable for the AppHost's lifetime.</summary>
    internal string InstanceId { get; }

    /// <summary>Working directory; null means the project folder (its content root).</summary>
    internal string? WorkingDirectory { get; set; }

    internal string? HealthCheckPath { get; set; }

    internal override string ResourceType => "Project";

    // Console programs (the Loader) get no HTTP endpoint: they would show a URL nothing listens on.
    internal override bool HasHttpEndpoint => Metadata.IsWebProject;

    internal override void Prepare(RunContext context)
    {
        if (!File.Exists(Metadata.AssemblyPath))
        {
            throw new DistributedApplicationException(
                $"{Name}: {Metadata.AssemblyPath} does not exist; build the AppHost first (dotnet build AppHost), it builds every project.");
        }
    }

    internal override LaunchSpec CreateLaunch(RunContext context) => new(
        context.DotnetPath,
        [Metadata.AssemblyPath, .. ExtraArguments],
        WorkingDirectory ?? Metadata.ProjectDirectory,
        BuildEnvironment(context),
        HasHttpEndpoint ? [new ResourceEndpoint("http", HttpUrl)] : []);

    internal override IReadinessProbe? CreateProbe() =>
        HealthCheckPath is null ? null : new HttpReadinessProbe(new Uri(new Uri(HttpUrl), HealthCheckPath));

    private protected override void AddOwnEnvironment(IDictionary<string, string> environment, RunContext context)
    {
        if (HasHttpEndpoint) environment["ASPNETCORE_URLS"] = HttpUrl;
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["DOTNET_ENVIRONMENT"] = "Development";
        environment["LOGGING__CONSOLE__FORMATTERNAME"] = "simple";
        environment["OTEL_SERVICE_NAME"] = Name;
        environment["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={InstanceId}";
        if (context.Dashboard.Enabled)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{context.Dashboard.OtlpGrpcPort.ToString(CultureInfo.InvariantCulture)}";
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc";
            environment["OTEL_EXPORTER_OTLP_HEADERS"] = $"x-otlp-api-key={context.Dashboard.OtlpApiKey}";
        }

        // Export every second so the dashboard shows telemetry while the user looks, as Aspire does in development.
        environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
        environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
        environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        environment["OTEL_TRACES_SAMPLER"] = "always_on";
    }

    IEnumerable<KeyValuePair<string, string>> IResourceWithReferenceEnvironment.GetReferenceEnvironment() =>
        HasHttpEndpoint ? [new($"services__{Name}__http__0", HttpUrl)] : [];
}
