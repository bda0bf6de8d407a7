using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Qadam.Documents.Signatures;

/// <summary>
/// What an Office signature's manifest says about a relationship part (the relationships it keeps and the digest after
/// the Relationship Transform), remembered by the SHA-256 of the part's bytes: the documents of a batch, rendered from one
/// template, carry the same relationship parts, and parsing and canonicalising them was a tenth of a signature's CPU.
/// </summary>
/// <remarks>Keyed by a SHA-256 of the exact bytes, so equal keys mean equal parts; the memory is bounded by a size cap.</remarks>
internal static class RelationshipDigests
{
    private const int Capacity = 1024;
    private static readonly ConcurrentDictionary<string, (IReadOnlyList<string> Ids, string Digest)> Known = new(StringComparer.Ordinal);

    /// <summary>The ids of every relationship but the signature origin (which signing itself adds), and the transformed part's digest.</summary>
    public static (IReadOnlyList<string> Ids, string Digest) Of(byte[] rels)
    {
        var key = Convert.ToBase64String(SHA256.HashData(rels));
        if (Known.TryGetValue(key, out var known))
        {
            return known;
        }

        var ids = PackageParts.Relationships(rels).Where(r => r.Type != PackageParts.OriginRelationshipType).Select(r => r.Id).ToList();
        var result = ((IReadOnlyList<string>)ids, PackageParts.Digest(PackageParts.TransformRelationships(rels, ids)));
        if (Known.Count >= Capacity)
        {
            Known.Clear();
        }

        Known[key] = result;
        return result;
    }
}
