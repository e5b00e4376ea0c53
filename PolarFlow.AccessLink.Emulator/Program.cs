using PolarFlow.AccessLink.Emulator;
using PolarFlow.AccessLink.Emulator.Endpoints;
using PolarFlow.AccessLink.Emulator.Faults;

var builder = WebApplication.CreateBuilder(args);
builder.AddEmulatorServices();

var app = builder.Build();

app.UseMiddleware<PolarTrafficMiddleware>();
app.MapOAuthEndpoints();
app.MapUserEndpoints();
app.MapDailyDataEndpoints();
app.MapSummaryEndpoints();
app.MapExerciseEndpoints();
app.MapTransactionEndpoints();
app.MapPartnerEndpoints();
app.MapAdminEndpoints();
app.MapGet("/", () => "Polar AccessLink v3 emulator: synthetic data, not Polar's service. See docs/polar-accesslink.md.");

app.Run();

public partial class Program;
