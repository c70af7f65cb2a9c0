<p><a href="<c:url value='/messages/new?to=${owner.id}'/>" class="send-message">メッセージを送る</a></p>
