namespace Qadam.Api.Features.Evidence;

/// <summary>One evidence file, without its bytes.</summary>
public sealed record EvidenceResponse(
    Guid Id, Guid CaseId, string FileName, string MediaType, long Length, string Sha256, string UploadedBy, DateTimeOffset UploadedAt)
{
    /// <summary>The file as the API shows it.</summary>
    internal static EvidenceResponse From(CaseEvidence e) =>
        new(e.Id, e.CaseId, e.FileName, e.MediaType, e.Length, e.Sha256, e.UploadedBy, e.UploadedAt);
}
