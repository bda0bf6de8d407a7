using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Identity;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;

namespace Qadam.Api.Features.Documents;

/// <summary>
/// Who signs each kind of document a pathway issues, and when a document counts as signed. A document is signed when
/// every group below has a signature by a person holding one of the group's roles:
/// <list type="bullet">
/// <item>an order (ORDER) and the decision notice to the parent (NOTICE): the head of the issuing organisation, whose
/// order transfers the student (349 Annex 2 para 11, 2025 Annex 1 para 28; weather orders: 2025 para 15-16);</item>
/// <item>a protocol extract (PROTOCOL): the council's secretary and its chair; the head of the organisation chairs the
/// pedagogical council, so the head signs as chair;</item>
/// <item>an act (ACT): its author, the class teacher or the social pedagogue who inspected the living conditions;</item>
/// <item>a conclusion (CONCLUSION): the school psychologist who wrote it; an individual schedule (SCHEDULE): the class
/// teacher who drew it up.</item>
/// </list>
/// </summary>
internal static class DocumentSigners
{
    private static readonly Dictionary<string, string[][]> ByType = new(StringComparer.Ordinal)
    {
        // The deputy only where the signing step names deputyHead (DeputySigning): a frost order of 103 para 15.
        ["ORDER"] = [[QadamRoles.Head, QadamRoles.DeputyHead, QadamRoles.Rector]],
        ["NOTICE"] = [[QadamRoles.Head, QadamRoles.DeputyHead, QadamRoles.Rector]],
        ["PROTOCOL"] = [[QadamRoles.CouncilSecretary], [QadamRoles.Head]],
        ["ACT"] = [[QadamRoles.ClassTeacher, QadamRoles.SocialPedagogue]],
        ["CONCLUSION"] = [[QadamRoles.Psychologist]],
        ["SCHEDULE"] = [[QadamRoles.ClassTeacher]],
    };

    private static readonly Dictionary<string, (string Kk, string Ru)> RoleNames = new(StringComparer.Ordinal)
    {
        [QadamRoles.Head] = ("ұйым басшысы", "руководитель организации"),
        [QadamRoles.DeputyHead] = ("басшыны алмастыратын тұлға", "лицо, замещающее руководителя"),
        [QadamRoles.Rector] = ("ректор", "ректор"),
        [QadamRoles.CouncilSecretary] = ("кеңес хатшысы", "секретарь совета"),
        [QadamRoles.ClassTeacher] = ("сынып жетекшісі", "классный руководитель"),
        [QadamRoles.SocialPedagogue] = ("әлеуметтік педагог", "социальный педагог"),
        [QadamRoles.Psychologist] = ("педагог-психолог", "педагог-психолог"),
    };

    /// <summary>The groups of roles that must each sign a document of <paramref name="documentType"/>; a new type is the head's.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Required(string documentType) =>
        ByType.TryGetValue(documentType, out var groups) ? groups : [[QadamRoles.Head]];

    /// <summary>True when the caller holds a role that signs documents of <paramref name="documentType"/>.</summary>
    public static bool MaySign(string documentType, ClaimsPrincipal user) => Required(documentType).SelectMany(g => g).Any(user.IsInRole);

    /// <summary>The signer roles in words, in Kazakh or Russian: "ұйым басшысы" or "секретарь совета и руководитель организации".</summary>
    public static string Describe(string documentType, bool russian) =>
        string.Join(russian ? " и " : " және ", Required(documentType).Select(group => string.Join(russian ? " или " : " немесе ",
            group.Select(role => RoleNames.TryGetValue(role, out var name) ? (russian ? name.Ru : name.Kk) : role))));

    /// <summary>
    /// The documents of <paramref name="documentIds"/> signed by all their required signers: each signature's IIN is
    /// the signer's account, whose roles say which group it fills.
    /// </summary>
    public static async Task<HashSet<Guid>> FullySignedAsync(
        IReadOnlyCollection<(Guid Id, string DocumentType)> documentIds, QadamDbContext db, DocumentsDbContext documents,
        CancellationToken cancellationToken)
    {
        var ids = documentIds.Select(d => d.Id).ToList();
        var signatures = await documents.Signatures.AsNoTracking().Where(s => ids.Contains(s.DocumentId) && s.SignerIin != null)
            .Select(s => new { s.DocumentId, s.SignerIin }).ToListAsync(cancellationToken);
        var iins = signatures.Select(s => s.SignerIin!).Distinct().ToList();
        var roles = (await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where u.Iin != null && iins.Contains(u.Iin)
                            select new { u.Iin, r.Name }).ToListAsync(cancellationToken))
            .ToLookup(x => x.Iin!, x => x.Name!, StringComparer.Ordinal);
        var signed = new HashSet<Guid>();
        foreach (var (id, type) in documentIds)
        {
            var signerRoles = signatures.Where(s => s.DocumentId == id).SelectMany(s => roles[s.SignerIin!]).ToHashSet(StringComparer.Ordinal);
            if (signerRoles.Count > 0 && Required(type).All(group => group.Any(signerRoles.Contains)))
            {
                signed.Add(id);
            }
        }

        return signed;
    }
}
