using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Qadam.Workflows.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the context without a host: QADAM_DESIGN_DB or a placeholder.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WorkflowsDbContext>
{
    public WorkflowsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<WorkflowsDbContext>();
        WorkflowsDbContext.Configure(options,
            Environment.GetEnvironmentVariable("QADAM_DESIGN_DB") ?? "Host=localhost;Database=qadam_design");
        return new WorkflowsDbContext(options.Options);
    }
}
