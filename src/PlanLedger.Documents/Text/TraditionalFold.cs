using System.Buffers;

namespace PlanLedger.Documents.Text;

/// <summary>
/// A one-to-one fold of the traditional characters that responsibility notes write their role words, unit suffixes and
/// generic collectives with (牽頭 → 牵头, 按職責分工負責 → 按职责分工负责, 辦公室 → 办公室, 各有關部門 → 各有关部门), so the
/// simplified lexicons read a note in 繁體; also the signature's and the notice sender's body suffixes (辦公廳, 委員會, 黨委)
/// and a contact line's words (聯系人, 電話, 郵箱, 傳真). Each character maps to one character, so a name found in the folded note is
/// cut from the original at the same place and stays as written.
/// </summary>
internal static class TraditionalFold
{
    private const string From = "牽頭負責職導參與協實組織辦廳會總團處隊館學園銀專關門單區機構縣鄉鎮級黨員聯電話郵傳";
    private const string To = "牵头负责职导参与协实组织办厅会总团处队馆学园银专关门单区机构县乡镇级党员联电话邮传";
    private static readonly SearchValues<char> Folded = SearchValues.Create(From);

    /// <summary>The text with those characters folded; the same instance when it has none.</summary>
    public static string Apply(string s)
    {
        if (s.AsSpan().IndexOfAny(Folded) < 0) return s;
        return string.Create(s.Length, s, static (span, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                var k = From.IndexOf(src[i]);
                span[i] = k < 0 ? src[i] : To[k];
            }
        });
    }

    /// <summary>Replaces each name found in <paramref name="folded"/> by the original's characters at the same place.</summary>
    public static void Restore(List<string> names, string folded, string original)
    {
        for (var i = 0; i < names.Count; i++)
        {
            var k = folded.IndexOf(names[i], StringComparison.Ordinal);
            if (k >= 0) names[i] = original.Substring(k, names[i].Length);
        }
    }
}
