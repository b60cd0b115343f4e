var builder = DistributedApplication.CreateBuilder(args);
builder.AddDashboard();

var dynamo = builder.AddDynamoDBLocal("dynamodb");
var loader = builder.AddProject<Projects.Loader>("loader")
    .WithArgs("load", "data/menu.json", "--table", "FoodProducts", "--mode", "insert-only", "--create-table", "--progress", "plain")
    .WithReference(dynamo).WaitFor(dynamo);
var api = builder.AddProject<Projects.Api>("api")
    .WithReference(dynamo).WaitFor(dynamo).WaitForCompletion(loader).WithHttpHealthCheck("/health");
builder.AddProject<Projects.Web>("web")
    .WithReference(api).WaitFor(api).WithHttpHealthCheck("/health");

builder.Build().Run();
