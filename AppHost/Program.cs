var builder = DistributedApplication.CreateBuilder(args);
builder.AddResourceStatusLines();
builder.WithDashboardExportTimeout(TimeSpan.FromSeconds(1));

var dynamodb = builder.AddDynamoDBLocal("dynamodb")
    .WithDynamoDBAdmin();
if (args.Contains("--in-memory")) dynamodb.WithInMemory();

var loader = builder.AddProject<Projects.Loader>("loader")
    .WithArgs("load", "../data/menu.json", "--table", "FoodProducts", "--mode", "insert-only", "--create-table", "--progress", "plain")
    .WithReference(dynamodb)
    .WaitFor(dynamodb)
    .WithoutHttpsCertificate();

dynamodb.WithTableResetCommand("reset-menu", "Reset menu", table: "FoodProducts", loader);

var api = builder.AddProject<Projects.Api>("api")
    .WithReference(dynamodb)
    .WaitFor(dynamodb)
    .WaitForCompletion(loader)
    .WithoutHttpsCertificate()
    .WithPromptHttpHealthCheck("/health");

var web = builder.AddProject<Projects.Web>("web")
    .WithReference(api)
    .WaitFor(api)
    .WithoutHttpsCertificate()
    .WithPromptHttpHealthCheck("/health");

// The sample orders are not needed to serve: loaded once the site is up, they keep off the two cores the chain above
// needs (web healthy about 1.2 s sooner, docs/benchmarks.md).
var ordersLoader = builder.AddProject<Projects.Loader>("orders-loader")
    .WithArgs("load", "../data/orders.json", "--table", "Orders", "--mode", "insert-only", "--create-table", "--definition", "orders", "--progress", "plain")
    .WithReference(dynamodb)
    .WaitFor(web)
    .WithoutHttpsCertificate();

dynamodb.WithTableResetCommand("reset-orders", "Reset orders", table: "Orders", ordersLoader);

builder.Build().Run();
