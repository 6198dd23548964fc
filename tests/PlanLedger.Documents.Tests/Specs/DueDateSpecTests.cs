using System.Globalization;

namespace PlanLedger.Documents.Tests.Specs;

/// <summary>Runs the rows of Specs/due-dates.md through <see cref="DueDates.Resolve"/>.</summary>
public class DueDateSpecTests
{
    public static IEnumerable<object[]> Rows()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", "due-dates.md");
        foreach (var line in File.ReadAllLines(path))
        {
            if (!line.StartsWith("| ", StringComparison.Ordinal) || line.StartsWith("| deadline", StringComparison.Ordinal)) continue;
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length != 3) continue;
            yield return [cells[0], int.Parse(cells[1], CultureInfo.InvariantCulture), cells[2]];
        }
    }

    [Theory, MemberData(nameof(Rows))]
    public void Due_date_of_a_written_deadline(string deadline, int planYear, string expected)
    {
        var due = DueDates.Resolve(deadline, planYear);
        Assert.Equal(expected, due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-");
    }
}
