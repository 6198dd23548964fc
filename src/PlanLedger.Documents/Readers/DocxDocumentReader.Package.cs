using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PlanLedger.Documents.Text;

namespace PlanLedger.Documents.Readers;

/// <summary>The .docx package: its parts, read through one inflation budget.</summary>
internal static partial class DocxDocumentReader
{
    /// <summary>What is left of the inflation allowance, shared by all the parts read.</summary>
    private sealed class InflateBudget(long bytes)
    {
        public long Remaining = bytes;
    }

    /// <summary>
    /// An entry's inflating stream that counts what it hands out: more than the entry declared, or more than the
    /// budget left, is a zip bomb.
    /// </summary>
    private sealed class InflateLimitStream(Stream inner, long declared, InflateBudget budget) : Stream
    {
        private long _read;

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            budget.Remaining -= n;
            if (budget.Remaining < 0 || _read > declared) throw ReadErrors.ZipBomb();
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>The bits of OPC needed here: parts by name, found through their relationships, read on a budget.</summary>
    private sealed class Package(Dictionary<string, ZipArchiveEntry> parts, InflateBudget budget)
    {
        public Stream Open(string name)
        {
            var entry = parts[name];
            return new InflateLimitStream(entry.Open(), entry.Length, budget);
        }

        public XDocument? LoadXml(string? name)
        {
            if (name is null || !parts.ContainsKey(name)) return null;
            using var stream = Open(name);
            using var reader = XmlReader.Create(stream, PartSettings);
            return XDocument.Load(reader);
        }

        /// <summary>
        /// The part the first internal relationship of <paramref name="source"/> ("" for the package) whose type ends
        /// with <paramref name="typeSuffix"/> points at (transitional and strict relationship types alike), or null.
        /// </summary>
        public string? Related(string source, string typeSuffix)
        {
            var slash = source.LastIndexOf('/');
            var dir = slash < 0 ? "" : source[..(slash + 1)];
            var rels = $"{dir}_rels/{source[(slash + 1)..]}.rels";
            if (LoadXml(rels)?.Root is not { } root) return null;
            foreach (var rel in root.Elements())
            {
                if (rel.Name.LocalName != "Relationship") continue;
                if ((string?)rel.Attribute("TargetMode") is { } mode && mode.Equals("External", StringComparison.OrdinalIgnoreCase)) continue;
                if ((string?)rel.Attribute("Type") is not { } type || !type.EndsWith(typeSuffix, StringComparison.Ordinal)) continue;
                if ((string?)rel.Attribute("Target") is not { Length: > 0 } target) continue;
                return Resolve(dir, target);
            }
            return null;
        }

        private static string Resolve(string dir, string target)
        {
            target = Uri.UnescapeDataString(target.Replace('\\', '/'));
            var path = target.StartsWith('/') ? target : dir + target;
            var segments = new List<string>();
            foreach (var s in path.Split('/'))
            {
                if (s is "" or ".") continue;
                if (s == "..") { if (segments.Count > 0) segments.RemoveAt(segments.Count - 1); continue; }
                segments.Add(s);
            }
            return string.Join('/', segments);
        }
    }
}
