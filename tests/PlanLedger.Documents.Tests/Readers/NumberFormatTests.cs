using PlanLedger.Documents.Readers;

namespace PlanLedger.Documents.Tests.Readers;

public class NumberFormatTests
{
    [Theory]
    [InlineData(1, "chineseCounting", "一")]
    [InlineData(10, "chineseCounting", "十")]
    [InlineData(11, "chineseCounting", "十一")]
    [InlineData(20, "chineseCountingThousand", "二十")]
    [InlineData(24, "chineseCountingThousand", "二十四")]
    [InlineData(101, "chineseCountingThousand", "一百零一")]
    [InlineData(3, "chineseLegalSimplified", "叁")]
    [InlineData(1, "ideographTraditional", "甲")]
    [InlineData(10, "ideographTraditional", "癸")]
    [InlineData(3, "decimalEnclosedCircle", "③")]
    [InlineData(21, "decimalEnclosedCircleChinese", "㉑")]
    [InlineData(12, "decimal", "12")]
    [InlineData(5, "decimalZero", "05")]
    [InlineData(4, "upperRoman", "IV")]
    [InlineData(9, "lowerRoman", "ix")]
    [InlineData(2, "lowerLetter", "b")]
    [InlineData(27, "upperLetter", "AA")]
    [InlineData(10, "ideographDigital", "一〇")]
    public void Word_number_formats_render_as_word_shows_them(int value, string format, string expected)
    {
        Assert.Equal(expected, NumberFormats.Format(value, format));
    }

    [Fact]
    public void Full_width_decimal_numbering_folds_to_ascii_digits_after_normalization()
    {
        Assert.Equal("12", TextNormalizer.Normalize(NumberFormats.Format(12, "decimalFullWidth")));
    }
}
