<p:page console="true">
<p:console current="top"/>
<h1>運営コンソール</h1>
<dl>
<dt><a href="<c:url value='/admin/members'/>">会員</a></dt><dd>ニックネーム・アドレスで会員を探し、利用停止・停止の解除をします（理由は操作履歴に残ります）。</dd>
<dt><a href="<c:url value='/admin/carriers'/>">キャリア情報</a></dt><dd>登録できる携帯メールドメインと、キャリア判定に使うゲートウェイIPの範囲を変更します。</dd>
<dt><a href="<c:url value='/admin/easy-login'/>">かんたんログイン</a></dt><dd>なりすましなどが報告された端末をブラックリストに登録します。</dd>
<dt><a href="<c:url value='/admin/reports'/>">通報</a></dt><dd>会員から通報された日記・ボイス・プロフィールを確認し、問題なしとして閉じるか、書いた人を停止します。</dd>
<dt><a href="<c:url value='/admin/community-reports'/>">コミュニティの通報</a></dt><dd>会員から通報されたトピック・コメントを確認し、非表示にしたり書いた人を停止したりします。</dd>
<dt><a href="<c:url value='/admin/safety'/>">安否確認</a></dt><dd>災害時に地域と期間を決めて安否確認を開き、会員の「無事です」を集めます。</dd>
<dt><a href="<c:url value='/admin/mail'/>">受信メール</a></dt><dd>会員が送ったメールのスプールを見ます。読み取れずに保留されたメールを確認し、原因を直したら処理し直すか、削除します。</dd>
<dt><a href="<c:url value='/admin/news'/>">ニュース</a></dt><dd>提携先のニュースフィードを追加・停止し、記事へのコメントを非表示にします。</dd>
<dt><a href="<c:url value='/admin/audit'/>">操作履歴</a></dt><dd>運営者の操作を、だれが・いつ・なにを・なぜ行ったか、日本時間で確認します。</dd>
<dt><a href="<c:url value='/invite'/>">招待</a></dt><dd>新しいメンバーを招待メールで招きます。</dd>
</dl>
</p:page>
