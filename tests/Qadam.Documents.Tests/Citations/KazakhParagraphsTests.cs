using Qadam.Documents.Citations;
using Qadam.Documents.Rendering;

namespace Qadam.Documents.Tests.Citations;

public sealed class KazakhParagraphsTests
{
    [Theory]
    [InlineData("п. 9", "9-тармақ")]
    [InlineData("п. 24, п. 25", "24-тармақ, 25-тармақ")]
    [InlineData("п. 3 пп. 4), п. 9, п. 10", "3-тармағының 4) тармақшасы, 9-тармақ, 10-тармақ")]
    [InlineData("п. 15 пп. 1), 3), 4)", "15-тармағының 1), 3), 4) тармақшалары")]
    [InlineData("п. 15 пп. 1), ", "15-тармағының 1) тармақшасы")]
    [InlineData("пп. 18-20", "18-20-тармақтар")]
    [InlineData("п. 11 пп. 2), пп. 18-20", "11-тармағының 2) тармақшасы, 18-20-тармақтар")]
    [InlineData("п. 9, часть вторая", "9-тармағының екінші бөлігі")]
    [InlineData("п. 26, часть вторая", "26-тармағының екінші бөлігі")]
    [InlineData("п. 3-1", "3-1-тармақ")]
    [InlineData("пп. 20, 26-28, 34", "20-тармақ, 26-28-тармақтар, 34-тармақ")]
    [InlineData("приложение 1, п. 3 пп. 3), пп. 24-25", "1-қосымша, 3-тармағының 3) тармақшасы, 24-25-тармақтар")]
    [InlineData("приложение 2, п. 3 пп. 5), п. 11, п. 15", "2-қосымша, 3-тармағының 5) тармақшасы, 11-тармақ, 15-тармақ")]
    public void Paragraph_references_are_written_as_the_Kazakh_orders_write_them(string russian, string kazakh) =>
        Assert.Equal(kazakh, KazakhParagraphs.Translate(russian));

    [Theory]
    [InlineData("п. 11 пп. 1): заключение школьного психолога")]
    [InlineData("п. 3 (кроме организаций ТиППО)")]
    [InlineData("часть вторая")]
    [InlineData("п. 3, 4")]
    [InlineData("")]
    public void Free_text_is_not_guessed(string russian) => Assert.Null(KazakhParagraphs.Translate(russian));

    [Fact]
    public void The_table_names_each_act_once_per_language_and_spells_out_free_text()
    {
        var table = CitationTable.Parse("""
            {"acts":[{"key":"349","kk":"№ 349 бұйрығына 2-қосымша","ru":"приложение 2 к приказу № 349",
                      "cited":["Приказ № 349, приложение 2","Приказ № 349, приложение 2 (Правила)"]}],
             "paragraphs":{"п. 11 пп. 1): заключение психолога":"11-тармағының 1) тармақшасы: психологтың қорытындысы"}}
            """);

        var cited = table.Resolve("Приказ № 349, приложение 2 (Правила)", "п. 9, часть вторая");
        Assert.Equal(new Citation("№ 349 бұйрығына 2-қосымша, 9-тармағының екінші бөлігі", "приложение 2 к приказу № 349, п. 9, часть вторая"), cited);
        Assert.Equal("№ 349 бұйрығына 2-қосымша, 11-тармағының 1) тармақшасы: психологтың қорытындысы",
            table.Resolve("Приказ № 349, приложение 2", "п. 11 пп. 1): заключение психолога")!.In(DocumentLanguage.Kk));
        Assert.Null(table.Resolve("Приказ № 350", "п. 9"));
        Assert.Null(table.Resolve("Приказ № 349, приложение 2", "п. 11: что-то новое"));
    }
}
