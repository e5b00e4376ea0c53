using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PolarFlow.Data;

/// <summary>
/// Encrypts the Data Protection key ring at rest (it sits in the database beside the tokens it protects) with
/// AES-256-GCM under `PolarFlow:KeyRingEncryptionKey`, a secret kept outside the database: 32 bytes in base64,
/// or any secret of 32 characters or more (its SHA-256 is the key; the AppHost generates one). Required with
/// DEPLOYMENT_MODE=saas.
/// </summary>
public sealed class KeyRingEncryption(byte[] key) : IXmlEncryptor
{
    public const string Setting = "PolarFlow:KeyRingEncryptionKey";
    private const string Element = "polarflowEncryptedKey";

    /// <summary>The configured key, or null; a malformed one is an error, never silently ignored.</summary>
    public static byte[]? KeyFrom(IConfiguration configuration)
    {
        if (configuration[Setting] is not { Length: > 0 } text) return null;
        var base64 = new byte[text.Length];
        if (Convert.TryFromBase64String(text, base64, out var written) && written == 32) return base64[..32];
        if (text.Length >= 32) return SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        throw new InvalidOperationException($"{Setting} must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`) or a secret of at least 32 characters.");
    }

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(12);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(key, 16)) aes.Encrypt(nonce, plain, cipher, tag);
        var element = new XElement(Element, Convert.ToBase64String([.. nonce, .. tag, .. cipher]));
        return new EncryptedXmlInfo(element, typeof(Decryptor));
    }

    /// <summary>Created by Data Protection through its (IServiceProvider) constructor when it reads the key ring.</summary>
    public sealed class Decryptor(IServiceProvider services) : IXmlDecryptor
    {
        public XElement Decrypt(XElement encryptedElement)
        {
            var key = KeyFrom(services.GetRequiredService<IConfiguration>())
                ?? throw new InvalidOperationException($"The key ring is encrypted but {Setting} is not set.");
            var data = Convert.FromBase64String(encryptedElement.Value);
            var plain = new byte[data.Length - 28];
            using (var aes = new AesGcm(key, 16)) aes.Decrypt(data.AsSpan(0, 12), data.AsSpan(28), data.AsSpan(12, 16), plain);
            return XElement.Parse(System.Text.Encoding.UTF8.GetString(plain));
        }
    }
}
