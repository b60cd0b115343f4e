using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace CafeMenu.Hosting;

/// <summary>Binds DashboardOptions and fixes what is left open: port 0 becomes a free port, empty secrets are generated.</summary>
internal static class DashboardOptionsResolver
{
    public static DashboardOptions Resolve(IConfiguration configuration)
    {
        var options = new DashboardOptions();
        configuration.GetSection(DashboardOptions.SectionName).Bind(options);
        if (options.Port == 0) options.Port = LoopbackPort.Next();
        if (options.OtlpGrpcPort == 0) options.OtlpGrpcPort = LoopbackPort.Next();
        if (options.OtlpHttpPort == 0) options.OtlpHttpPort = LoopbackPort.Next();
        if (string.IsNullOrEmpty(options.BrowserToken)) options.BrowserToken = NewSecret();
        if (string.IsNullOrEmpty(options.OtlpApiKey)) options.OtlpApiKey = NewSecret();
        return options;
    }

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
