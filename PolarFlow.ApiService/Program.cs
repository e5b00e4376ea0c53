using PolarFlow.ApiService.Connect;
using PolarFlow.ApiService.Extensions;
using PolarFlow.ApiService.Sync;
using PolarFlow.ApiService.Webhooks;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
var api = app.MapGroup("/api/v1").RequireAuthorization();
api.MapSyncApi();
app.MapConnectApi(api);
app.MapPolarWebhookApi();

app.Run();

public partial class Program;
