namespace PlanLedger.Web.Features.Documents;

/// <summary>一 二 … 十 十一 … 九十九, as official documents number their parts (一、 · 一是).</summary>
public static class ChineseNumbers
{
    private const string Digits = "零一二三四五六七八九";

    public static string Of(int n)
    {
        if (n <= 0 || n >= 100) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (n < 10) return Digits[n].ToString();
        var tens = n / 10;
        var ones = n % 10;
        return (tens == 1 ? "" : Digits[tens].ToString()) + "十" + (ones == 0 ? "" : Digits[ones].ToString());
    }
}
