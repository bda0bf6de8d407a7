using System.Security.Claims;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Reads;

namespace Qadam.Api.Features.Tasks;

/// <summary>What a command on a task uses: the caller, the API's context, the engine's reads and commands, the unit of work.</summary>
internal sealed record TaskCommandServices(
    HttpRequest Http, ClaimsPrincipal User, QadamDbContext Db, EngineReads Reads, ProcessEngine Engine, CommandTransaction Command,
    TimeProvider Time);
