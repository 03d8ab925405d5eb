/// One stylesheet for every page, inline so a page is one file: 18px text on tablets, contrast
/// above WCAG AA (text #1c2833 on white, links #1a5276), a visible focus ring on everything a
/// keyboard reaches, and tables that scroll sideways rather than shrink on a narrow screen.
enum PageStyle {
    static let css = """
        *{box-sizing:border-box}html{font-size:112.5%}
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1c2833;background:#fff;margin:0;line-height:1.5}
        .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
        .site-header{background:#1b4f72;color:#fff;padding:.6rem 1.2rem;display:flex;flex-wrap:wrap;align-items:center;gap:1rem;justify-content:space-between}
        .brand{margin:0;font-weight:700}.site-header ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
        .site-header a{color:#fff}main{max-width:1100px;margin:0 auto;padding:1rem 1.2rem 2rem}
        h1{font-size:1.6rem;margin:.6rem 0 1rem}h2{font-size:1.3rem;border-bottom:2px solid #1b4f72;padding-bottom:.2rem;margin-top:2rem}
        h3{font-size:1.1rem}a{color:#1a5276}
        a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,main:focus-visible{outline:3px solid #d35400;outline-offset:2px}
        .table-wrap{overflow-x:auto}table{border-collapse:collapse;width:100%;margin:.6rem 0}caption{text-align:left;font-weight:600;padding:.3rem 0}
        th,td{border:1px solid #aab7b8;padding:.45rem .6rem;text-align:left;vertical-align:top}thead th{background:#eaf2f8}
        td.number{text-align:right}
        form{margin:0}.field{margin:0 0 1rem}label,legend{display:block;font-weight:600;margin-bottom:.25rem}
        fieldset{border:1px solid #aab7b8;border-radius:6px;padding:.6rem 1rem;margin:0 0 1rem}
        .choice label{display:inline;font-weight:400;margin-left:.3rem}.choice{margin:.2rem 0}
        input[type=text],input[type=password],input[type=number],input[type=date],select,textarea{font:inherit;font-size:1rem;width:100%;max-width:34rem;padding:.5rem;border:2px solid #566573;border-radius:4px;background:#fff;color:#1c2833}
        input[type=checkbox],input[type=radio]{width:1.3rem;height:1.3rem;vertical-align:middle}
        textarea{min-height:5rem}.hint{color:#424949;font-size:.9rem;margin:.2rem 0}
        [aria-invalid=true]{border-color:#922b21}.error{color:#922b21;font-weight:600;margin:.25rem 0}
        button,.button{font:inherit;font-size:1rem;min-height:2.75rem;padding:.5rem 1.1rem;border-radius:4px;border:2px solid #1b4f72;background:#1b4f72;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
        button.secondary{background:#fff;color:#1b4f72}button.danger{background:#fff;color:#922b21;border-color:#922b21}
        .actions{display:flex;flex-wrap:wrap;gap:.5rem}.notice{border-left:6px solid #117a65;background:#e8f6f3;padding:.6rem 1rem}
        .alert{border-left:6px solid #922b21;background:#fdedec;padding:.6rem 1rem}
        .proposals{list-style:none;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr))}
        .proposals li,.card{border:1px solid #aab7b8;border-radius:6px;padding:.8rem 1rem}
        .route{padding-left:1.6rem}.route li{margin-bottom:.8rem}.changed{font-weight:700;color:#922b21}
        .kpis{display:grid;gap:.8rem;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));padding:0;list-style:none}
        .kpis li{border:1px solid #aab7b8;border-radius:6px;padding:.6rem .8rem}.kpis strong{display:block;font-size:1.4rem}
        progress{width:100%;max-width:34rem;height:1.4rem}.maps{display:flex;flex-wrap:wrap;gap:1rem}.maps figure{flex:1 1 320px;margin:0}
        svg text{font-size:11px;fill:#1c2833}svg .value,svg .category{text-anchor:middle}svg .mark{font-size:12px;font-weight:700}
        .chart,.map{width:100%;height:auto}.map{max-width:44rem}.map{border:1px solid #aab7b8}figcaption{font-size:.9rem;color:#424949}
        footer{max-width:1100px;margin:0 auto;padding:0 1.2rem 2rem;font-size:.9rem;color:#424949}
        @media (max-width:600px){html{font-size:106.25%}main{padding:.6rem}}
        """
}
