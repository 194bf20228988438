/// Tells Big5 (traditional Chinese from Taiwan and Hong Kong) from GB18030 by its byte pairs.
///
/// Every Big5 pair is also a GB18030 pair, so decoding cannot tell them apart. Their bytes
/// can: GB2312's characters, which most mainland text is written in, all have trail bytes
/// 0xA1–0xFE, while a third of Big5's characters have a trail byte 0x40–0x7E; and Big5's most
/// frequent characters (the fewest strokes: 一 不 中 出 目) have lead bytes 0xA4–0xA8, which in
/// GB2312 are kana, Greek, Cyrillic and pinyin rows that Chinese text rarely uses. GBK's
/// traditional characters have low trails too, but not those leads (measured on the labelled
/// pages: GBK 0.25–0.35 of pairs, Big5 0.58–0.94). GB18030's four-byte sequences and lead
/// bytes below 0xA1 are not Big5 at all.
enum Big5Guess {
  /// True when, among at least 20 double-byte pairs in the first 64 KB, pairs with a trail
  /// byte 0x40–0x7E plus pairs with a lead byte 0xA4–0xA8 make 45 % or more, no lead byte is
  /// below 0xA1, and no four-byte sequence occurs.
  static func isLikely(_ bytes: [UInt8]) -> Bool {
    var pairs = 0
    var marks = 0
    var i = 0
    let n = min(bytes.count, 1 << 16)
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      guard i + 1 < n else { break }
      let c = bytes[i + 1]
      if (0x30...0x39).contains(c) || b < 0xA1 || b == 0xFF { return false }
      pairs += 1
      if (0x40...0x7E).contains(c) { marks += 1 }
      if (0xA4...0xA8).contains(b) { marks += 1 }
      i += 2
    }
    return pairs >= 20 && marks * 20 >= pairs * 9
  }
}
