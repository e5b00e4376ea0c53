using PolarFlow.SyncWorker.Extensions;

// A web host only for /health and /alive: the AppHost and orchestrators probe the worker like any service.
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
