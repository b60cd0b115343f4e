namespace CafeMenu.Hosting.Tests;

public sealed class EnvironmentTests
{
    private static readonly DashboardOptions Dashboard = new() { OtlpGrpcPort = 4317, OtlpApiKey = "the-key" };

    [Fact]
    public void A_project_gets_hosting_telemetry_and_reference_variables_as_agreed()
    {
        var builder = TestApp.CreateBuilder();
        var dynamo = builder.AddDynamoDBLocal("dynamodb");
        var api = builder.AddProject("api", new FakeProject("/p/api", "/p/api.dll", true)).WithReference(dynamo).WaitFor(dynamo);
        var web = builder.AddProject("web", new FakeProject("/p/web", "/p/web.dll", true)).WithReference(api).WithEnvironment("EXTRA", "1");
        dynamo.Resource.Port = 8000;
        api.Resource.Port = 5001;
        web.Resource.Port = 5002;
        var context = new RunContext(TestApp.RepositoryRoot, Dashboard, new HostingSettings(), "dotnet");

        var apiEnvironment = api.Resource.BuildEnvironment(context);
        var webEnvironment = web.Resource.BuildEnvironment(context);

        Assert.Equal("http://127.0.0.1:8000", apiEnvironment["AWS_ENDPOINT_URL_DYNAMODB"]);
        Assert.Equal("us-east-1", apiEnvironment["AWS_REGION"]);
        Assert.Equal("local", apiEnvironment["AWS_ACCESS_KEY_ID"]);
        Assert.Equal("local", apiEnvironment["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal("http://127.0.0.1:5001", apiEnvironment["ASPNETCORE_URLS"]);
        Assert.Equal("Development", apiEnvironment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("simple", apiEnvironment["LOGGING__CONSOLE__FORMATTERNAME"]);
        Assert.Equal("api", apiEnvironment["OTEL_SERVICE_NAME"]);
        Assert.Matches("^service\\.instance\\.id=api-[0-9a-f]{8}$", apiEnvironment["OTEL_RESOURCE_ATTRIBUTES"]);
        Assert.Equal("http://127.0.0.1:4317", apiEnvironment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.Equal("grpc", apiEnvironment["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.Equal("x-otlp-api-key=the-key", apiEnvironment["OTEL_EXPORTER_OTLP_HEADERS"]);
        Assert.Equal("1000", apiEnvironment["OTEL_BSP_SCHEDULE_DELAY"]);
        Assert.Equal("1000", apiEnvironment["OTEL_BLRP_SCHEDULE_DELAY"]);
        Assert.Equal("1000", apiEnvironment["OTEL_METRIC_EXPORT_INTERVAL"]);
        Assert.Equal("always_on", apiEnvironment["OTEL_TRACES_SAMPLER"]);
        Assert.False(apiEnvironment.ContainsKey("services__api__http__0"));

        Assert.Equal("http://127.0.0.1:5001", webEnvironment["services__api__http__0"]);
        Assert.Equal("http://127.0.0.1:5002", webEnvironment["ASPNETCORE_URLS"]);
        Assert.Equal("1", webEnvironment["EXTRA"]);
        Assert.False(webEnvironment.ContainsKey("AWS_ENDPOINT_URL_DYNAMODB"));
    }

    [Fact]
    public void Without_dashboard_no_exporter_endpoint_is_given()
    {
        var builder = TestApp.CreateBuilder();
        var api = builder.AddProject("api", new FakeProject("/p/api", "/p/api.dll", true));
        api.Resource.Port = 5001;
        var context = new RunContext(TestApp.RepositoryRoot, new DashboardOptions { Enabled = false }, new HostingSettings(), "dotnet");

        var environment = api.Resource.BuildEnvironment(context);

        Assert.False(environment.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"));
        Assert.False(environment.ContainsKey("OTEL_EXPORTER_OTLP_HEADERS"));
        Assert.Equal("api", environment["OTEL_SERVICE_NAME"]);
    }

    [Fact]
    public void A_project_starts_with_dotnet_on_its_built_assembly_and_its_arguments()
    {
        var builder = TestApp.CreateBuilder();
        var loader = builder.AddProject("loader", new FakeProject("/p/loader", "/p/bin/loader.dll", false)).WithArgs("load", "data/menu.json");
        loader.Resource.Port = 5003;

        var launch = loader.Resource.CreateLaunch(new RunContext(TestApp.RepositoryRoot, Dashboard, new HostingSettings(), "/usr/bin/dotnet"));

        Assert.Equal("/usr/bin/dotnet", launch.FileName);
        Assert.Equal(["/p/bin/loader.dll", "load", "data/menu.json"], launch.Arguments);
        Assert.Equal(TestApp.RepositoryRoot, launch.WorkingDirectory);
        Assert.Equal("/usr/bin/dotnet /p/bin/loader.dll load data/menu.json", launch.CommandLine);
    }

    [Theory]
    [InlineData("AWS_SECRET_ACCESS_KEY", true)]
    [InlineData("AWS_ACCESS_KEY_ID", true)]
    [InlineData("OTEL_EXPORTER_OTLP_HEADERS", true)]
    [InlineData("Dashboard__BrowserToken", true)]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("ASPNETCORE_URLS", false)]
    [InlineData("OTEL_SERVICE_NAME", false)]
    public void Secret_variables_are_recognised_by_name(string name, bool secret) => Assert.Equal(secret, SecretMasker.IsSecret(name));

    [Fact]
    public void Masking_hides_secret_values_and_keeps_the_others()
    {
        var masked = SecretMasker.MaskEnvironment(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-otlp-api-key=abc",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:1",
        });

        Assert.Equal(SecretMasker.Mask, masked["OTEL_EXPORTER_OTLP_HEADERS"]);
        Assert.Equal("http://127.0.0.1:1", masked["ASPNETCORE_URLS"]);
        Assert.DoesNotContain(masked.Values, v => v.Contains("abc"));
    }

    [Fact]
    public void Dashboard_ports_zero_become_free_ports_and_secrets_are_generated()
    {
        var builder = TestApp.CreateBuilder("--Dashboard:Port=0", "--Dashboard:OtlpGrpcPort=0", "--Dashboard:OtlpHttpPort=0");
        var options = builder.Dashboard;

        Assert.NotEqual(0, options.Port);
        Assert.NotEqual(0, options.OtlpGrpcPort);
        Assert.NotEqual(0, options.OtlpHttpPort);
        Assert.Matches("^[0-9a-f]{32}$", options.BrowserToken);
        Assert.Matches("^[0-9a-f]{32}$", options.OtlpApiKey);
        Assert.NotEqual(options.BrowserToken, options.OtlpApiKey);
    }

    [Fact]
    public void Dashboard_options_and_the_resource_service_are_registered_for_the_dashboard()
    {
        var builder = TestApp.CreateBuilder("--Dashboard:Port=0", "--Dashboard:BrowserToken=given");
        builder.AddExecutable("a", "sh", ".");
        var app = builder.Build();

        var options = (DashboardOptions)app.Services.GetService(typeof(DashboardOptions))!;

        Assert.Same(builder.Dashboard, options);
        Assert.Equal("given", options.BrowserToken);
        Assert.Equal("a", Assert.Single(app.Resources().GetResources()).Name);
    }
}
