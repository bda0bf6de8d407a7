using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Xml;

namespace Qadam.Documents.Signatures;

/// <summary>
/// An OPC package (DOCX) read as its ZIP entries, with what Office signatures need: content
/// types, relationships and part digests (ECMA-376 Part 2, §13 "Digital signatures").
/// </summary>
internal sealed class PackageParts
{
    public const string ContentTypesName = "[Content_Types].xml";
    public const string SignaturesFolder = "_xmlsignatures/";
    public const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    public const string ContentTypesNamespace = "http://schemas.openxmlformats.org/package/2006/content-types";
    public const string OriginRelationshipType = "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin";

    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private XmlDocument? _contentTypes;

    private PackageParts(List<(string Name, byte[] Bytes)> entries)
    {
        Entries = entries;
    }

    /// <summary>Entries in archive order, names without a leading slash.</summary>
    public List<(string Name, byte[] Bytes)> Entries { get; }

    public static PackageParts Read(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        var entries = new List<(string, byte[])>();
        foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries.Add((entry.FullName, copy.ToArray()));
        }

        return new PackageParts(entries);
    }

    /// <summary>
    /// <paramref name="original"/> (the package these parts were read from) with the parts set since: ZIP update mode
    /// writes the unchanged entries back as their compressed bytes, so only the changed and added parts are deflated
    /// (re-zipping every part was a fifth of an Office signature's CPU).
    /// </summary>
    public byte[] WriteOver(byte[] original)
    {
        using var output = new MemoryStream(original.Length * 2);
        output.Write(original);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var (name, bytes) in Entries.Where(e => _changed.Contains(e.Name)))
            {
                var entry = zip.GetEntry(name);
                if (entry is null)
                {
                    using var added = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                    added.Write(bytes);
                    continue;
                }

                using var stream = entry.Open();
                stream.SetLength(0);
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }

    public byte[]? Get(string name) => Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal)).Bytes;

    public void Set(string name, byte[] bytes)
    {
        var index = Entries.FindIndex(e => string.Equals(e.Name, name, StringComparison.Ordinal));
        _changed.Add(name);
        if (string.Equals(name, ContentTypesName, StringComparison.Ordinal))
        {
            _contentTypes = null;
        }

        if (index >= 0)
        {
            Entries[index] = (name, bytes);
        }
        else
        {
            Entries.Add((name, bytes));
        }
    }

    /// <summary>The parts an Office signature covers: all but the content types and the signatures themselves.</summary>
    public IEnumerable<(string Name, byte[] Bytes)> SignableParts() =>
        Entries.Where(e => !string.Equals(e.Name, ContentTypesName, StringComparison.Ordinal)
                           && !e.Name.StartsWith(SignaturesFolder, StringComparison.Ordinal));

    public string ContentType(string name)
    {
        // Parsed once per package, not once per part a manifest lists.
        var types = _contentTypes ??= LoadXml(Get(ContentTypesName) ?? throw new InvalidDataException("The package has no [Content_Types].xml."));
        var partName = "/" + name;
        foreach (XmlElement element in types.DocumentElement!.ChildNodes.OfType<XmlElement>())
        {
            if (element.LocalName == "Override"
                && string.Equals(element.GetAttribute("PartName"), partName, StringComparison.OrdinalIgnoreCase))
            {
                return element.GetAttribute("ContentType");
            }
        }

        var extension = Path.GetExtension(name).TrimStart('.');
        foreach (XmlElement element in types.DocumentElement!.ChildNodes.OfType<XmlElement>())
        {
            if (element.LocalName == "Default"
                && string.Equals(element.GetAttribute("Extension"), extension, StringComparison.OrdinalIgnoreCase))
            {
                return element.GetAttribute("ContentType");
            }
        }

        throw new InvalidDataException($"The package gives no content type for part '{partName}'.");
    }

    /// <summary>Ids of the relationships in a .rels part, with their types.</summary>
    public static IReadOnlyList<(string Id, string Type)> Relationships(byte[] rels) =>
        LoadXml(rels).DocumentElement!.ChildNodes.OfType<XmlElement>()
            .Where(e => e.LocalName == "Relationship")
            .Select(e => (e.GetAttribute("Id"), e.GetAttribute("Type")))
            .ToList();

    public static string Digest(byte[] bytes) => Convert.ToBase64String(SHA256.HashData(bytes));

    /// <summary>
    /// The Relationship Transform (ECMA-376 Part 2, §13.2.4.24) followed by C14N: keep only the
    /// selected relationships, only their Id, Target, TargetMode (default Internal) and Type,
    /// sorted by Id. It lets a signature cover a .rels part while later signatures add their own
    /// origin relationship to it.
    /// </summary>
    public static byte[] TransformRelationships(byte[] rels, IReadOnlyCollection<string> sourceIds)
    {
        var source = LoadXml(rels);
        var result = new XmlDocument();
        var root = result.CreateElement("Relationships", RelationshipsNamespace);
        result.AppendChild(root);
        var selected = source.DocumentElement!.ChildNodes.OfType<XmlElement>()
            .Where(e => e.LocalName == "Relationship" && sourceIds.Contains(e.GetAttribute("Id")))
            .OrderBy(e => e.GetAttribute("Id"), StringComparer.Ordinal);
        foreach (var relationship in selected)
        {
            var copy = result.CreateElement("Relationship", RelationshipsNamespace);
            copy.SetAttribute("Id", relationship.GetAttribute("Id"));
            copy.SetAttribute("Target", relationship.GetAttribute("Target"));
            var mode = relationship.GetAttribute("TargetMode");
            copy.SetAttribute("TargetMode", mode.Length == 0 ? "Internal" : mode);
            copy.SetAttribute("Type", relationship.GetAttribute("Type"));
            root.AppendChild(copy);
        }

        var c14n = new XmlDsigC14NTransform();
        c14n.LoadInput(result);
        using var output = (Stream)c14n.GetOutput(typeof(Stream));
        using var bytes = new MemoryStream();
        output.CopyTo(bytes);
        return bytes.ToArray();
    }

    public static XmlDocument LoadXml(byte[] bytes)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false),
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        document.Load(reader);
        return document;
    }
}
