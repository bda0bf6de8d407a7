namespace Qadam.Api.Features.Cases;

/// <summary>
/// A member of an organisation's voting bodies (the pedagogical council or the board of trustees, order 349 Annex 2 para
/// 11(1), 2025 Annex 1 para 28(1)): one ballot is opened for each.
/// </summary>
internal sealed record VotingMember(Guid Id, string UserName, string Role);
