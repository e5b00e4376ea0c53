using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PolarFlow.Data;

/// <summary>For `dotnet ef migrations add`: builds the model without a server (no connection is opened).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PolarFlowDbContext>
{
    public PolarFlowDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PolarFlowDbContext>)PolarFlowDbContext.ConfigureOptions(
            new DbContextOptionsBuilder<PolarFlowDbContext>().UseNpgsql("Host=localhost;Database=polarflow")).Options);
}
