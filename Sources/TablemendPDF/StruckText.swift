/// Text drawn struck through: deleted text as a print of tracked changes shows it.
///
/// Word processors print a tracked deletion (and the old place of moved text) with a line
/// through the characters at about half their height, where an underline (an insertion)
/// runs along their foot. A horizontal ruling is a strike-through when the characters it
/// crosses in their middle band (`band` of their height around the centre) cover at least
/// `cover` of its length: it is as long as the text it crosses, so a table's row line that
/// passes through a character or two is not one. Such characters are deleted text, which the
/// document's own reader drops; the reader leaves them out, with the line.
public struct StruckText: Sendable, Hashable {
  /// The share of a character's height, centred on its middle, that a strike-through crosses.
  public var band: Double
  /// The share of the line's length that the characters it crosses must cover.
  public var cover: Double

  /// Makes a finder.
  public init(band: Double = 0.4, cover: Double = 0.8) {
    self.band = band
    self.cover = cover
  }

  /// The glyphs and rulings without the struck-through characters and the lines through
  /// them, and how many characters were left out.
  /// - Parameters:
  ///   - glyphs: The page's characters.
  ///   - rulings: The page's rulings, snapped (see `RulingSnapper`).
  public func removing(glyphs: [Glyph], rulings: [Ruling]) -> (
    glyphs: [Glyph], rulings: [Ruling], struck: Int
  ) {
    var struck = Set<Int>()
    var strikes = Set<Int>()
    // Glyphs by their centre's y: a ruling looks only at those whose middle band can reach it.
    let byMiddle = glyphs.indices.sorted { glyphs[$0].centreY < glyphs[$1].centreY }
    let reach = band * (glyphs.map(\.box.height).max() ?? 0) / 2
    for (r, ruling) in rulings.enumerated() where ruling.axis == .horizontal {
      guard ruling.length > 0 else { continue }
      var low = 0
      var high = byMiddle.count
      while low < high {
        let mid = (low + high) / 2
        if glyphs[byMiddle[mid]].centreY < ruling.position - reach {
          low = mid + 1
        } else {
          high = mid
        }
      }
      var crossed: [Int] = []
      var covered = 0.0
      for g in byMiddle[low...] {
        let glyph = glyphs[g]
        guard glyph.centreY <= ruling.position + reach else { break }
        guard glyph.centreX >= ruling.start && glyph.centreX <= ruling.end else { continue }
        let middle = glyph.centreY
        let half = band * glyph.box.height / 2
        guard ruling.position >= middle - half && ruling.position <= middle + half else {
          continue
        }
        crossed.append(g)
        covered += max(0, min(glyph.box.x1, ruling.end) - max(glyph.box.x0, ruling.start))
      }
      guard !crossed.isEmpty, covered >= cover * ruling.length else { continue }
      strikes.insert(r)
      struck.formUnion(crossed)
    }
    guard !struck.isEmpty else { return (glyphs, rulings, 0) }
    let keptGlyphs = glyphs.enumerated().filter { !struck.contains($0.offset) }.map(\.element)
    let keptRulings = rulings.enumerated().filter { !strikes.contains($0.offset) }.map(\.element)
    let letters = struck.filter { !glyphs[$0].text.allSatisfy(\.isWhitespace) }.count
    return (keptGlyphs, keptRulings, letters)
  }
}
