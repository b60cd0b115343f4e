using CafeMenu.Hosting.DynamoDbLocal;

namespace CafeMenu.Hosting.Tests;

public sealed class AppModelTests
{
    [Fact]
    public void Shutdown_order_stops_dependents_before_what_they_depend_on()
    {
        var builder = TestApp.CreateBuilder();
        var dynamo = builder.AddDynamoDBLocal("dynamodb");
        var loader = builder.AddProject("loader", new FakeProject("/p/loader", "/p/loader.dll", false)).WithReference(dynamo).WaitFor(dynamo);
        var api = builder.AddProject("api", new FakeProject("/p/api", "/p/api.dll", true))
            .WithReference(dynamo).WaitFor(dynamo).WaitForCompletion(loader);
        builder.AddProject("web", new FakeProject("/p/web", "/p/web.dll", true)).WithReference(api).WaitFor(api);

        var order = ResourceGraph.ShutdownOrder(builder.Model.Resources).Select(g => string.Join(",", g.Select(r => r.Name).Order())).ToList();

        Assert.Equal(["web", "api", "loader", "dynamodb"], order);
    }

    [Fact]
    public void Resources_in_the_same_level_stop_together()
    {
        var builder = TestApp.CreateBuilder();
        var db = builder.AddExecutable("db", "sh", ".");
        builder.AddExecutable("one", "sh", ".").WaitFor(db);
        builder.AddExecutable("two", "sh", ".").WaitFor(db);

        var order = ResourceGraph.ShutdownOrder(builder.Model.Resources).Select(g => string.Join(",", g.Select(r => r.Name).Order())).ToList();

        Assert.Equal(["one,two", "db"], order);
    }

    [Fact]
    public void A_dependency_cycle_is_refused_with_the_cycle_named()
    {
        var builder = TestApp.CreateBuilder();
        var a = builder.AddExecutable("a", "sh", ".");
        var b = builder.AddExecutable("b", "sh", ".").WaitFor(a);
        a.WaitFor(b);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("a -> b -> a", error.Message);
    }

    [Fact]
    public void Waiting_for_oneself_and_duplicate_names_are_refused()
    {
        var builder = TestApp.CreateBuilder();
        var a = builder.AddExecutable("a", "sh", ".");

        Assert.Throws<ArgumentException>(() => a.WaitFor(a));
        Assert.Throws<ArgumentException>(() => builder.AddExecutable("a", "sh", "."));
    }

    [Theory]
    [InlineData("Api")]
    [InlineData("")]
    [InlineData("web app")]
    [InlineData("1st")]
    public void Names_that_cannot_become_variable_names_are_refused(string name)
    {
        var builder = TestApp.CreateBuilder();

        Assert.Throws<ArgumentException>(() => builder.AddExecutable(name, "sh", "."));
    }

    [Fact]
    public void A_resource_without_endpoint_cannot_be_referenced()
    {
        var builder = TestApp.CreateBuilder();
        var script = builder.AddExecutable("script", "sh", ".");

        Assert.Throws<ArgumentException>(() => builder.AddExecutable("other", "sh", ".").WithReference(script));
    }

    [Fact]
    public void DynamoDB_Local_keeps_data_under_the_repository_unless_in_memory()
    {
        var persisted = TestApp.CreateBuilder().AddDynamoDBLocal("dynamodb").Resource;
        var inMemory = TestApp.CreateBuilder("--in-memory").AddDynamoDBLocal("dynamodb").Resource;
        var byConfig = TestApp.CreateBuilder("--DynamoDb:InMemory=true").AddDynamoDBLocal("dynamodb").Resource;
        var elsewhere = TestApp.CreateBuilder("--DynamoDb:DataPath=.data/other").AddDynamoDBLocal("dynamodb").Resource;

        Assert.Equal(Path.Combine(TestApp.RepositoryRoot, ".data", "dynamodb"), persisted.DataPath);
        Assert.Null(inMemory.DataPath);
        Assert.Null(byConfig.DataPath);
        Assert.Equal(Path.Combine(TestApp.RepositoryRoot, ".data", "other"), elsewhere.DataPath);
    }

    [Fact]
    public void Web_projects_run_in_their_folder_and_console_projects_in_the_repository_root()
    {
        var builder = TestApp.CreateBuilder();
        var web = builder.AddProject("web", new FakeProject("/p/web", "/p/web.dll", true)).Resource;
        var loader = builder.AddProject("loader", new FakeProject("/p/loader", "/p/loader.dll", false)).Resource;

        Assert.Equal("/p/web", web.WorkingDirectory);
        Assert.Equal(TestApp.RepositoryRoot, loader.WorkingDirectory);
    }
}
