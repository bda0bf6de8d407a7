using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Qadam.Testing;

namespace Qadam.Api.Tests;

/// <summary>The API under test on its own fresh database, in the Development environment (demo data on).</summary>
public sealed class QadamApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public string ConnectionString => _database.ConnectionString;

    public async Task InitializeAsync() => await _database.InitializeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Qadam", _database.ConnectionString);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }
}
