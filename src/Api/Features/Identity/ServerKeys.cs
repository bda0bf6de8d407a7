using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Qadam.Api.Features.Identity;

/// <summary>
/// The token signing and encryption keys outside Development and Demo: RSA keys made at first start and kept
/// as PEM files in the state directory (never in the repository), readable by the owner only. Nodes that
/// share the work must share this directory (or get the same files), or tokens of one node fail on another.
/// </summary>
internal static partial class ServerKeys
{
    public static RsaSecurityKey LoadOrCreate(string directory, string name, ILogger logger)
    {
        var path = Path.Combine(directory, name + ".pem");
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            rsa.KeySize = 3072;
            Directory.CreateDirectory(directory);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            // Write to a temporary file first so a crash never leaves half a key behind.
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, rsa.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temporary, path);
            LogKeyCreated(logger, name, path);
        }

        return new RsaSecurityKey(rsa) { KeyId = name + "-" + Convert.ToHexString(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16] };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the token {Name:l} key at {Path:l}; back it up, tokens cannot be checked without it")]
    private static partial void LogKeyCreated(ILogger logger, string name, string path);
}
