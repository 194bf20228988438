import Testing

@testable import TablemendSheets

/// Numbers shown as the sheet shows them.
@Suite struct NumberFormatTests {
  func show(_ value: Double, _ code: String?, date1904: Bool = false) -> String {
    NumberFormat.format(value, code: code, date1904: date1904)
  }

  @Test func percentAndDecimals() {
    #expect(show(0.95, "0%") == "95%")
    #expect(show(0.9567, "0.00%") == "95.67%")
    #expect(show(1234.5, "#,##0.00") == "1,234.50")
    #expect(show(-1234.5, "#,##0") == "-1,235")
    #expect(show(2.675, "0.00") == "2.68")
    #expect(show(1234567, "#,##0,") == "1,235")
    #expect(show(12.3, "0.00\"万元\"") == "12.30万元")
    #expect(show(0.5, "#.##") == ".5")
  }

  @Test func sectionsBySign() {
    #expect(show(-5, "#,##0.00;(#,##0.00)") == "(5.00)")
    #expect(show(0, "_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * \"-\"??_ ;_ @_ ") == "-")
    #expect(show(-3, "_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * \"-\"??_ ;_ @_ ") == "-3.00")
    #expect(show(1234, "[Red]#,##0") == "1,234")
  }

  @Test func general() {
    #expect(show(42, nil) == "42")
    #expect(show(0.1 + 0.2, "General") == "0.3")
    #expect(show(-12.5, nil) == "-12.5")
    #expect(show(1.5e12, nil) == "1.5E+12")
  }

  @Test func dates1900And1904() {
    #expect(show(44197, "yyyy-mm-dd") == "2021-01-01")
    #expect(show(44197, NumberFormat.builtin(14)) == "2021/1/1")
    #expect(show(44197, NumberFormat.builtin(31)) == "2021年1月1日")
    #expect(show(44197, NumberFormat.builtin(57)) == "2021年1月")
    #expect(show(44197, NumberFormat.builtin(58)) == "1月1日")
    // 1904: the same day is 1,462 days earlier.
    #expect(show(44197 - 1462, "yyyy-mm-dd", date1904: true) == "2021-01-01")
    #expect(show(0, "yyyy-mm-dd", date1904: true) == "1904-01-01")
    // Serial 60 is Excel's 1900-02-29; 59 and 61 are the days around it.
    #expect(show(59, "yyyy-mm-dd") == "1900-02-28")
    #expect(show(60, "yyyy-mm-dd") == "1900-02-29")
    #expect(show(61, "yyyy-mm-dd") == "1900-03-01")
    #expect(show(1, "yyyy-mm-dd") == "1900-01-01")
  }

  @Test func times() {
    #expect(show(44197.5, "yyyy/m/d h:mm") == "2021/1/1 12:00")
    #expect(show(0.75, "h:mm AM/PM") == "6:00 PM")
    #expect(show(0.25, NumberFormat.builtin(34)) == "上午6时00分")
    #expect(show(1.5, "[h]:mm:ss") == "36:00:00")
    #expect(show(0.0423611, "mm:ss") == "01:00")
  }
}
