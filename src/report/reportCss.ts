/** The report's only stylesheet, inlined so the page makes no external requests. */
export const REPORT_CSS = `
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1rem 2rem 4rem; color: #111; line-height: 1.45; }
h1 { margin-bottom: 0.2rem; } h2 { border-bottom: 2px solid #ccc; padding-bottom: 0.2rem; margin-top: 2.5rem; }
h3 { margin-top: 1.8rem; } h4 { margin: 1.2rem 0 0.4rem; }
nav a { margin-right: 1rem; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; display: block; border: 1px solid #eee; }
figcaption { font-size: 0.85rem; color: #444; margin-top: 0.2rem; } .file { color: #888; }
.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 0.5rem 1.5rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin: 0.6rem 0 1.2rem; }
caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
th, td { border: 1px solid #ddd; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td.id code { font-size: 0.8rem; }
.sub { font-size: 0.75rem; color: #555; }
tr.v-reproduced { background: #eef8f1; } tr.v-not-reproduced { background: #fdeeee; } tr.v-inconclusive { background: #fff7e6; }
.verdict { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 0.7rem; font-weight: bold; font-size: 0.8rem; white-space: nowrap; }
.verdict.reproduced { background: #1b7f3b; color: #fff; } .verdict.not-reproduced { background: #b00020; color: #fff; }
.verdict.inconclusive { background: #e6a100; color: #111; }
.gating { font-size: 0.7rem; border: 1px solid #b00020; color: #b00020; border-radius: 0.3rem; padding: 0 0.25rem; }
.summary { font-size: 1.05rem; } .gate-fail { color: #b00020; font-weight: bold; } .gate-ok { color: #1b7f3b; font-weight: bold; }
.missing { font-size: 0.7rem; border: 1px solid #777; color: #555; border-radius: 0.3rem; padding: 0 0.25rem; }
.empty { color: #777; font-style: italic; }
details > summary { cursor: pointer; font-weight: bold; margin: 0.6rem 0; }
`;
