<k:link href="/messages/new?to=${owner.id}" key="${sectionKey}">ﾒｯｾｰｼﾞを送る</k:link><br />
