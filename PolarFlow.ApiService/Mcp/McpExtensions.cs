namespace PolarFlow.ApiService.Mcp;

/// <summary>
/// `/mcp`: PolarFlow for a person's own AI assistant, over MCP's Streamable HTTP transport, stateless (any replica
/// answers any call) and behind the same API keys as `/api/v1`.
/// </summary>
public static class McpExtensions
{
    public static IHostApplicationBuilder AddPolarFlowMcp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<McpCaller>();
        builder.Services.AddMcpServer(options =>
            {
                options.ServerInfo = new()
                {
                    Name = "PolarFlow", Version = "1.0", Title = "PolarFlow: recovery, sleep and training from Polar",
                };
                options.ServerInstructions = "Answers come from the user's own Polar data, synced into PolarFlow. "
                    + "Each tool answers compact JSON: `say` is a line you may quote; the rest is the evidence (values, "
                    + "windows, baselines) behind it. Dates are the user's local dates (YYYY-MM-DD).";
            })
            .WithHttpTransport(options => options.Stateless = true)
            .WithTools<AnalyticsTools>(McpArguments.Options)
            .WithTools<SyncTools>(McpArguments.Options)
            .WithTools<DataTools>(McpArguments.Options)
            .WithPrompts<ReviewPrompts>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPolarFlowMcp(this IEndpointRouteBuilder app)
    {
        // The key's rate limit counts MCP calls as it counts REST requests: one budget per key.
        app.MapMcp("/mcp").RequireAuthorization().RequireRateLimiting(RateLimits.KeyRateLimits.Policy)
            .ExcludeFromDescription();
        return app;
    }
}
