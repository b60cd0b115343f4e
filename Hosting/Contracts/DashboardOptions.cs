namespace CafeMenu.Hosting;

/// <summary>
/// Where the dashboard and its OTLP receiver listen, and their secrets. The AppHost generates the secrets at start
/// (as Aspire does) and hands the OTLP endpoint and key to every resource through the OTEL_* variables.
/// Bound from the configuration section "Dashboard" (e.g. Dashboard__Port=0 picks a free port).
/// </summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    public bool Enabled { get; set; } = true;

    /// <summary>The dashboard UI's port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; } = 18888;

    /// <summary>The OTLP/gRPC receiver's port on 127.0.0.1; 0 picks a free one.</summary>
    public int OtlpGrpcPort { get; set; } = 18889;

    /// <summary>The OTLP/HTTP receiver's port on 127.0.0.1; 0 picks a free one.</summary>
    public int OtlpHttpPort { get; set; } = 18890;

    /// <summary>The browser login token (the "t" of /login?t=...).</summary>
    public string BrowserToken { get; set; } = "";

    /// <summary>The value every OTLP request must carry in the x-otlp-api-key header.</summary>
    public string OtlpApiKey { get; set; } = "";
}
