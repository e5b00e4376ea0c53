using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolarFlow.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL and Redis: containers, the machine's own servers, or existing ones (PolarFlow:Infra).
var infrastructure = builder.AddPolarFlowInfrastructure();

// Polar: the real AccessLink with credentials, else the local emulator (Polar cannot be reached without them).
var polar = PolarSource.Add(builder);

// The admin API key: generated once and kept in the AppHost's user secrets (the dashboard shows it).
var adminKey = builder.AddGeneratedSecret("admin-api-key");
// Encrypts the token-encryption key ring at rest (both services read it), generated and kept the same way.
var keyRingKey = builder.AddGeneratedSecret("keyring-encryption-key", minLength: 40);
// The dashboard's credential to the API (browsers never see it), generated and kept the same way.
var webKey = builder.AddGeneratedSecret("web-api-key");

var api = builder.AddProject<Projects.PolarFlow_ApiService>("apiservice")
    .WithEndpoint("http", endpoint => endpoint.Port = builder.Configuration.GetValue("API_PORT", 8000))
    .WithInfrastructure(infrastructure)
    .WithEnvironment("PolarFlow__AdminApiKey", adminKey)
    .WithEnvironment("PolarFlow__KeyRingEncryptionKey", keyRingKey)
    .WithEnvironment("PolarFlow__WebApiKey", webKey)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");
// Where Polar's OAuth callback and webhooks reach the API, and where people open the dashboard. Run here: the endpoints.
// Deployed: parameters, since a container's own address is not the one the internet sees.
var publish = builder.ExecutionContext.IsPublishMode;
var deploymentMode = builder.Configuration["DEPLOYMENT_MODE"]; // self_hosted or saas, as the brief names it
var saas = string.Equals(deploymentMode, "saas", StringComparison.OrdinalIgnoreCase);
IExpressionValue? apiUrl = publish ? builder.AddParameter("public-base-url").Resource : null;
IExpressionValue? dashboardUrl = publish ? builder.AddParameter("dashboard-public-url").Resource : null;
api.WithEnvironment("PolarFlow__PublicBaseUrl", apiUrl ?? api.GetEndpoint("http"))
    // A demo athlete only for one's own server: in SaaS mode every user belongs to the front end.
    .WithEnvironment("PolarFlow__ConnectDemoUser", polar.Emulated && !saas ? "true" : "false");
polar.Apply(api);
if (!string.IsNullOrEmpty(deploymentMode)) api.WithEnvironment("DEPLOYMENT_MODE", deploymentMode);

var worker = builder.AddProject<Projects.PolarFlow_SyncWorker>("syncworker")
    .WithHttpEndpoint(name: "http")
    .WithInfrastructure(infrastructure)
    .WithReference(api)
    .WaitFor(api) // the ApiService migrates the schema first
    .WithEnvironment("PolarFlow__KeyRingEncryptionKey", keyRingKey)
    .WithHttpHealthCheck("/health");
polar.Apply(worker);

// The people's dashboard: signs people in, calls the API through service discovery, never opens the database.
var web = builder.AddProject<Projects.PolarFlow_Web>("web")
    .WithEndpoint("http", endpoint => endpoint.Port = builder.Configuration.GetValue("WEB_PORT", 8080))
    .WithExternalHttpEndpoints()
    .WithReference(api)
    .WaitFor(api)
    .WithEnvironment("PolarFlow__WebApiKey", webKey)
    .WithHttpHealthCheck("/health");
web.WithEnvironment("PolarFlow__Web__PublicUrl", dashboardUrl ?? web.GetEndpoint("http"));
api.WithEnvironment("PolarFlow__DashboardUrl", dashboardUrl ?? web.GetEndpoint("http"));

// An optional Laravel front end that finds the API through service discovery (PolarFlow:Laravel:Path).
LaravelApp.Add(builder, api, infrastructure, saas);

if (builder.ExecutionContext.IsRunMode)
{
    builder.Services.AddHostedService<PolarFlow.AppHost.ReadinessReporter>();
}

builder.Build().Run();
