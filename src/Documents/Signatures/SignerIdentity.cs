using System.Security.Cryptography.X509Certificates;

namespace Qadam.Documents.Signatures;

/// <summary>
/// The IIN and BIN that NCA RK certificates carry in the subject: <c>SERIALNUMBER=IIN&lt;12 digits&gt;</c>
/// for the person, <c>OU=BIN&lt;12 digits&gt;</c> for the organisation they sign for.
/// </summary>
public sealed record SignerIdentity(string Subject, string? Iin, string? Bin)
{
    private const string SerialNumberOid = "2.5.4.5";
    private const string OrganizationalUnitOid = "2.5.4.11";

    /// <summary>Reads the subject of <paramref name="certificate"/>.</summary>
    public static SignerIdentity From(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        string? iin = null;
        string? bin = null;
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.HasMultipleElements)
            {
                continue;
            }

            var type = rdn.GetSingleElementType().Value;
            var value = rdn.GetSingleElementValue() ?? string.Empty;
            if (type == SerialNumberOid && value.StartsWith("IIN", StringComparison.Ordinal))
            {
                iin = value[3..];
            }
            else if (type == OrganizationalUnitOid && value.StartsWith("BIN", StringComparison.Ordinal))
            {
                bin = value[3..];
            }
        }

        return new SignerIdentity(certificate.Subject, iin, bin);
    }
}
