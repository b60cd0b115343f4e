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

var ordersLoader = builder.AddProject<Projects.Loader>("orders-loader")
    .WithArgs("load", "../data/orders.json", "--table", "Orders", "--mode", "insert-only", "--create-table", "--definition", "orders", "--progress", "plain")
    .WithReference(dynamodb)
    .WaitFor(dynamodb)
    .WithoutHttpsCertificate();

dynamodb.WithTableResetCommand("reset-orders", "Reset orders", table: "Orders", ordersLoader);

var api = builder.AddProject<Projects.Api>("api")
    .WithReference(dynamodb)
    .WaitFor(dynamodb)
    .WaitForCompletion(loader)
    .WithoutHttpsCertificate()
    .WithPromptHttpHealthCheck("/health");

builder.AddProject<Projects.Web>("web")
    .WithReference(api)
    .WaitFor(api)
    .WithoutHttpsCertificate()
    .WithPromptHttpHealthCheck("/health");

builder.Build().Run();
