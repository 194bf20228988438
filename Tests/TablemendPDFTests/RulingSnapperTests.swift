import TablemendModel
import Testing

@testable import TablemendPDF

/// Rulings snapped onto one line and their pieces merged.
@Suite struct RulingSnapperTests {
  @Test func nearbyRulingsBecomeOneLine() {
    let snapped = RulingSnapper(tolerance: 2, joinGap: 3).snap([
      Ruling(.horizontal, at: 10.0, from: 0, to: 50),
      Ruling(.horizontal, at: 11.0, from: 52, to: 100),
      Ruling(.horizontal, at: 30.0, from: 0, to: 100),
    ])
    #expect(snapped.count == 2)
    #expect(snapped[0].position == 10.5)
    #expect(snapped[0].start == 0 && snapped[0].end == 100)
  }

  @Test func farPiecesStaySeparate() {
    let snapped = RulingSnapper(tolerance: 2, joinGap: 3).snap([
      Ruling(.vertical, at: 5, from: 0, to: 10),
      Ruling(.vertical, at: 5, from: 20, to: 30),
      Ruling(.vertical, at: 8.5, from: 0, to: 30),
    ])
    #expect(snapped.count == 3)
  }
}
