using CafeMenu.Api.Apis;
using CafeMenu.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDynamoDb();
builder.AddMenuApi();
builder.AddOrdersApi();

var app = builder.Build();

app.UseMenuApi();
app.MapDefaultEndpoints();
app.MapApiReference();
app.MapMenuApi();
app.MapOrdersApi();

app.Run();
