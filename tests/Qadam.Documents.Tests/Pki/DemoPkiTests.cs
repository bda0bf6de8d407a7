using System.Security.Cryptography.X509Certificates;
using Qadam.Documents.Pki;

namespace Qadam.Documents.Tests.Pki;

public sealed class DemoPkiTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "qadam-pki-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void LoadOrCreate_MakesTheKeysOnce_OwnerOnly_AndReusesThem()
    {
        string rootThumbprint, userThumbprint;
        using (var first = DemoPki.LoadOrCreate(_directory))
        {
            rootThumbprint = first.RootCertificate.Thumbprint;
            userThumbprint = first.User("900615300011", "Нұрланова Айгүл").Thumbprint;
        }

        using var second = DemoPki.LoadOrCreate(_directory);

        Assert.Equal(rootThumbprint, second.RootCertificate.Thumbprint);
        Assert.Equal(userThumbprint, second.User("900615300011", "Нұрланова Айгүл").Thumbprint);
        Assert.False(second.RootCertificate.HasPrivateKey);
        Assert.True(OperatingSystem.IsLinux(), "Qadam runs on Linux; the key files' mode is checked there.");
        if (OperatingSystem.IsLinux())
        {
            var files = Directory.EnumerateFiles(_directory, "*.pfx", SearchOption.AllDirectories).ToList();
            Assert.Equal(3, files.Count);
            foreach (var file in files)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public void Certificates_CarryIinAndBin_AsNcaRkSubjectsDo()
    {
        using var pki = DemoPki.LoadOrCreate(_directory);

        var head = pki.User("900615300011", "Нұрланова Айгүл", SignerKeyAlgorithm.Rsa, DemoPki.DemoOrganisationBin);

        Assert.Contains("SERIALNUMBER=IIN900615300011", head.Subject, StringComparison.Ordinal);
        Assert.Contains("OU=BIN051140001230", head.Subject, StringComparison.Ordinal);
        Assert.Contains("OU=BIN051140001230", pki.Organisation.Subject, StringComparison.Ordinal);
        var usage = head.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages;
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, usage);
    }

    [Fact]
    public void DefaultDirectory_IsInTheUsersStateDirectory_NotTheRepository()
    {
        Assert.EndsWith(Path.Combine("qadam", "pki"), DemoPki.DefaultDirectory, StringComparison.Ordinal);
        Assert.DoesNotContain("/work/main", DemoPki.DefaultDirectory, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
