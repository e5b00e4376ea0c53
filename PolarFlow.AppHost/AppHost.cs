using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolarFlow.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL and Redis: containers, the machine's own servers, or existing ones (PolarFlow:Infra).
var infrastructure = builder.AddPolarFlowInfrastructure();

// Polar: the real AccessLink with credentials, else the local emulator (Polar cannot be reached without them).
var withPolar = PolarSource.Add(builder);

var api = builder.AddProject<Projects.PolarFlow_ApiService>("apiservice")
    .WithEndpoint("http", endpoint => endpoint.Port = builder.Configuration.GetValue("API_PORT", 8000))
    .WithInfrastructure(infrastructure)
    .WithHttpHealthCheck("/health");
withPolar(api);

var worker = builder.AddProject<Projects.PolarFlow_SyncWorker>("syncworker")
    .WithHttpEndpoint(name: "http")
    .WithInfrastructure(infrastructure)
    .WithReference(api)
    .WaitFor(api) // the ApiService migrates the schema first
    .WithHttpHealthCheck("/health");
withPolar(worker);

if (builder.ExecutionContext.IsRunMode)
{
    builder.Services.AddHostedService<PolarFlow.AppHost.ReadinessReporter>();
}

builder.Build().Run();
