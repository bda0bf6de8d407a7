using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Organisations;

/// <summary>
/// An organisation's kind and the ids of it and everything below it, with their codes (the engine's task rows carry the
/// code: the inbox filters by it on every request, so it is kept with the tree rather than read each time).
/// </summary>
public sealed record OrganisationSubtree(OrganisationKind Kind, IReadOnlySet<Guid> Ids, IReadOnlyList<string> Codes);

/// <summary>
/// The organisation tree below each organisation, read once and kept in memory: every authenticated request of staff needs
/// it (<see cref="CallerScope"/>), and it changes a few times a year. The cache is used only while
/// <see cref="OrganisationChangeListener"/> listens for the database's change notices; each notice, and each reconnection,
/// drops everything cached, so a school added by any process or by hand is in scope on every node at once.
/// </summary>
public sealed class OrganisationTree(IMemoryCache cache) : IDisposable
{
    private readonly Lock gate = new();
    private CancellationTokenSource generation = new();
    private volatile bool listening;

    /// <summary>Set by the listener: true while change notices arrive, false while it reconnects (then nothing is cached).</summary>
    public bool Listening
    {
        get => listening;
        set
        {
            listening = value;
            Invalidate();
        }
    }

    /// <summary>Drops every cached tree.</summary>
    public void Invalidate()
    {
        CancellationTokenSource old;
        lock (gate)
        {
            old = generation;
            generation = new CancellationTokenSource();
        }

        old.Cancel();
        old.Dispose();
    }

    public void Dispose()
    {
        lock (gate)
        {
            generation.Dispose();
        }
    }

    /// <summary>The organisation's kind and subtree, or null when there is no such organisation.</summary>
    public async Task<OrganisationSubtree?> SubtreeAsync(Guid organisationId, QadamDbContext db, CancellationToken cancellationToken)
    {
        if (!listening)
        {
            return await ReadAsync(organisationId, db, cancellationToken);
        }

        var key = (nameof(OrganisationTree), organisationId);
        if (cache.TryGetValue(key, out OrganisationSubtree? cached))
        {
            return cached;
        }

        CancellationToken expiry;
        lock (gate)
        {
            expiry = generation.Token;
        }

        var subtree = await ReadAsync(organisationId, db, cancellationToken);
        // A notice that arrived while reading cancelled `expiry`; the entry then leaves the cache as it enters it.
        using var entry = cache.CreateEntry(key);
        entry.Value = subtree;
        entry.Size = 1 + (subtree?.Ids.Count ?? 0);
        entry.AddExpirationToken(new CancellationChangeToken(expiry));
        return subtree;
    }

    private static async Task<OrganisationSubtree?> ReadAsync(Guid id, QadamDbContext db, CancellationToken cancellationToken)
    {
        var kind = await db.Organisations.Where(o => o.Id == id).Select(o => (OrganisationKind?)o.Kind).SingleOrDefaultAsync(cancellationToken);
        if (kind is not { } known)
        {
            return null;
        }

        if (known == OrganisationKind.Ministry)
        {
            return new OrganisationSubtree(known, new HashSet<Guid>(), []);
        }

        // The ids and their codes in the one recursive query.
        var rows = await db.Database.SqlQuery<SubtreeRow>($"""
            WITH RECURSIVE tree AS (
                SELECT id, code FROM qadam.organisations WHERE id = {id}
                UNION ALL
                SELECT o.id, o.code FROM qadam.organisations o JOIN tree t ON o.parent_id = t.id)
            SELECT id AS "Id", code AS "Code" FROM tree
            """).ToListAsync(cancellationToken);
        return new OrganisationSubtree(known, rows.Select(r => r.Id).ToHashSet(), [.. rows.Select(r => r.Code)]);
    }

    private sealed record SubtreeRow(Guid Id, string Code);
}
